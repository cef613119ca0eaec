package org.memnav.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * A {@code memnav} command run in this process with its output captured: what scripts and tests
 * see of it (exit code, stdout, stderr, and the --json line).
 */
public record CommandOutcome(int exit, String out, String err) {

    public static CommandOutcome execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = MemnavCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new CommandOutcome(exit, out.toString(), err.toString());
    }

    /** The last line of stdout parsed as JSON (the --json summary). */
    public JsonNode lastLineJson() throws IOException {
        List<String> lines = out.lines().toList();
        if (lines.isEmpty()) {
            throw new IOException("the command printed nothing on stdout; stderr: " + err.strip());
        }
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }
}
