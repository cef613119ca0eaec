package org.memnav.renderers.gl;

import static org.lwjgl.opengl.GL20C.GL_COMPILE_STATUS;
import static org.lwjgl.opengl.GL20C.GL_FRAGMENT_SHADER;
import static org.lwjgl.opengl.GL20C.GL_LINK_STATUS;
import static org.lwjgl.opengl.GL20C.GL_VERTEX_SHADER;
import static org.lwjgl.opengl.GL20C.glAttachShader;
import static org.lwjgl.opengl.GL20C.glCompileShader;
import static org.lwjgl.opengl.GL20C.glCreateProgram;
import static org.lwjgl.opengl.GL20C.glCreateShader;
import static org.lwjgl.opengl.GL20C.glDeleteProgram;
import static org.lwjgl.opengl.GL20C.glDeleteShader;
import static org.lwjgl.opengl.GL20C.glDetachShader;
import static org.lwjgl.opengl.GL20C.glGetProgramInfoLog;
import static org.lwjgl.opengl.GL20C.glGetProgrami;
import static org.lwjgl.opengl.GL20C.glGetShaderInfoLog;
import static org.lwjgl.opengl.GL20C.glGetShaderi;
import static org.lwjgl.opengl.GL20C.glGetUniformLocation;
import static org.lwjgl.opengl.GL20C.glLinkProgram;
import static org.lwjgl.opengl.GL20C.glShaderSource;
import static org.lwjgl.opengl.GL20C.glUniformMatrix4fv;
import static org.lwjgl.opengl.GL20C.glUseProgram;

/**
 * The one-pass sensor program: writes shaded colour, view depth in metres and the instance id
 * to three render targets. GL thread only.
 */
final class SensorShader implements AutoCloseable {

    static final int ATTRIBUTE_POSITION = 0;
    static final int ATTRIBUTE_NORMAL = 1;
    static final int ATTRIBUTE_COLOR = 2;
    static final int ATTRIBUTE_INSTANCE = 3;

    private static final String VERTEX_SOURCE = """
            #version 330 core
            layout(location = 0) in vec3 aPosition;
            layout(location = 1) in vec3 aNormal;
            layout(location = 2) in vec3 aColor;
            layout(location = 3) in int aInstance;
            uniform mat4 uView;
            uniform mat4 uProjection;
            out vec3 vNormal;
            out vec3 vColor;
            out float vViewDepth;
            flat out int vInstance;
            void main() {
                vec4 viewPosition = uView * vec4(aPosition, 1.0);
                vViewDepth = -viewPosition.z;
                vNormal = aNormal;
                vColor = aColor;
                vInstance = aInstance;
                gl_Position = uProjection * viewPosition;
            }
            """;

    // Half-Lambert with a light that has distinct x and z components, so walls facing each of
    // the four horizontal directions get four different shades; ambient keeps unlit faces visible.
    private static final String FRAGMENT_SOURCE = """
            #version 330 core
            in vec3 vNormal;
            in vec3 vColor;
            in float vViewDepth;
            flat in int vInstance;
            layout(location = 0) out vec4 outColor;
            layout(location = 1) out float outDepth;
            layout(location = 2) out int outInstance;
            const vec3 LIGHT_DIRECTION = vec3(0.4576, 0.8135, 0.3590);
            const float AMBIENT = 0.35;
            void main() {
                vec3 normal = normalize(gl_FrontFacing ? vNormal : -vNormal);
                float diffuse = 0.5 + 0.5 * dot(normal, LIGHT_DIRECTION);
                outColor = vec4(vColor * (AMBIENT + (1.0 - AMBIENT) * diffuse), 1.0);
                outDepth = vViewDepth;
                outInstance = vInstance;
            }
            """;

    private final int program;
    private final int viewLocation;
    private final int projectionLocation;

    SensorShader() {
        int vertex = compile(GL_VERTEX_SHADER, VERTEX_SOURCE);
        int fragment = compile(GL_FRAGMENT_SHADER, FRAGMENT_SOURCE);
        program = glCreateProgram();
        glAttachShader(program, vertex);
        glAttachShader(program, fragment);
        glLinkProgram(program);
        glDetachShader(program, vertex);
        glDetachShader(program, fragment);
        glDeleteShader(vertex);
        glDeleteShader(fragment);
        if (glGetProgrami(program, GL_LINK_STATUS) == 0) {
            String log = glGetProgramInfoLog(program);
            glDeleteProgram(program);
            throw new IllegalStateException("sensor shader failed to link: " + log);
        }
        viewLocation = glGetUniformLocation(program, "uView");
        projectionLocation = glGetUniformLocation(program, "uProjection");
    }

    void use(float[] view, float[] projection) {
        glUseProgram(program);
        glUniformMatrix4fv(viewLocation, false, view);
        glUniformMatrix4fv(projectionLocation, false, projection);
    }

    @Override
    public void close() {
        glUseProgram(0);
        glDeleteProgram(program);
    }

    private static int compile(int type, String source) {
        int shader = glCreateShader(type);
        glShaderSource(shader, source);
        glCompileShader(shader);
        if (glGetShaderi(shader, GL_COMPILE_STATUS) == 0) {
            String log = glGetShaderInfoLog(shader);
            glDeleteShader(shader);
            throw new IllegalStateException("sensor shader failed to compile: " + log);
        }
        return shader;
    }
}
