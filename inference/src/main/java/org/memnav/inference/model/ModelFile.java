package org.memnav.inference.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Finds the .onnx a manifest points at and checks it is the file the manifest describes. */
public final class ModelFile {

    private ModelFile() {
    }

    /**
     * The model file of {@code manifest}, resolved next to {@code manifestPath}. Fails with the
     * full path when it is missing, and when the manifest records a sha256 that the file does not have
     * (a stale manifest would otherwise describe someone else's weights).
     */
    public static Path locate(ModelManifest manifest, Path manifestPath) {
        Path file = manifest.modelFile(manifestPath);
        if (!Files.isRegularFile(file)) {
            throw new ModelException("model file of '" + manifest.name() + "' not found: " + file
                    + " (field 'file' of manifest " + manifestPath + ")");
        }
        if (manifest.sha256() != null) {
            String actual = sha256(file);
            if (!actual.equals(manifest.sha256())) {
                throw new ModelException("model file " + file + " has sha256 " + actual + " but manifest " + manifestPath
                        + " records " + manifest.sha256() + " (field 'sha256'); re-export the model or update the manifest");
            }
        }
        return file;
    }

    public static String sha256(Path file) {
        MessageDigest digest = sha256Digest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new ModelException("cannot read model file " + file + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
