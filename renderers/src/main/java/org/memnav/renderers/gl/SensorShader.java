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
import static org.lwjgl.opengl.GL20C.glUniform1i;
import static org.lwjgl.opengl.GL20C.glUniformMatrix4fv;
import static org.lwjgl.opengl.GL20C.glUseProgram;

/**
 * The one-pass sensor program: writes shaded colour, view depth in metres and the instance id
 * to three render targets; surface patterns come from {@link PatternTexture} on unit 0. GL
 * thread only.
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
            layout(location = 2) in vec4 aColor;
            layout(location = 3) in int aInstance;
            uniform mat4 uView;
            uniform mat4 uProjection;
            out vec3 vNormal;
            out vec3 vColor;
            out vec3 vWorld;
            out float vViewDepth;
            flat out int vInstance;
            flat out float vLayer;
            flat out float vEmissive;
            flat out float vSkirting;
            void main() {
                vec4 viewPosition = uView * vec4(aPosition, 1.0);
                int pattern = int(aColor.a * 255.0 + 0.5);
                vViewDepth = -viewPosition.z;
                vNormal = aNormal;
                vColor = aColor.rgb;
                vWorld = aPosition;
                vInstance = aInstance;
                vLayer = float(pattern);
                vEmissive = (pattern == 7 || pattern == 9) ? 1.0 : 0.0;  // glass, lamp light
                vSkirting = (pattern == 4 || pattern == 5) ? 1.0 : 0.0;  // wallpaper, plaster
                gl_Position = uProjection * viewPosition;
            }
            """;

    // Half-Lambert with a light that has distinct x and z components, so walls facing each of
    // the four horizontal directions get four different shades; ambient keeps unlit faces visible.
    // Surfaces darken a little towards the floor (a cheap stand-in for ambient occlusion), which
    // separates furniture from the floor. The surface pattern is a texture lookup in world
    // coordinates (floors and tops by x,z; walls by their horizontal axis and height); all of it is
    // arithmetic without branches, because llvmpipe shades fragments in SIMD batches and would pay
    // for every branch anyway.
    private static final String FRAGMENT_SOURCE = """
            #version 330 core
            in vec3 vNormal;
            in vec3 vColor;
            in vec3 vWorld;
            in float vViewDepth;
            flat in int vInstance;
            flat in float vLayer;
            flat in float vEmissive;
            flat in float vSkirting;
            uniform sampler2DArray uPatterns;
            layout(location = 0) out vec4 outColor;
            layout(location = 1) out float outDepth;
            layout(location = 2) out int outInstance;
            const vec3 LIGHT_DIRECTION = vec3(0.4576, 0.8135, 0.3590);
            const float AMBIENT = 0.35;
            void main() {
                vec3 normal = normalize(gl_FrontFacing ? vNormal : -vNormal);
                float horizontal = step(0.5, abs(normal.y));
                float facesX = step(0.5, abs(normal.x));
                vec2 uv = mix(vec2(mix(vWorld.x, vWorld.z, facesX), vWorld.y), vWorld.xz, horizontal);
                vec4 t = texelFetch(uPatterns, ivec3(ivec2(fract(uv) * 128.0), int(vLayer)), 0);
                vec3 albedo = mix(vColor * t.rgb * 2.0, t.rgb, t.a);
                albedo *= 1.0 - 0.45 * vSkirting * (1.0 - horizontal) * step(vWorld.y, 0.09);
                float diffuse = 0.5 + 0.5 * dot(normal, LIGHT_DIRECTION);
                float occlusion = mix(0.84, 1.0, smoothstep(0.0, 0.5, vWorld.y));
                vec3 lit = albedo * (AMBIENT + (1.0 - AMBIENT) * diffuse) * occlusion;
                vec3 glow = min(vColor * 1.04, vec3(1.0));
                outColor = vec4(clamp(mix(lit, glow, vEmissive), 0.0, 1.0), 1.0);
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
        glUseProgram(program);
        glUniform1i(glGetUniformLocation(program, "uPatterns"), 0); // PatternTexture's unit
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
