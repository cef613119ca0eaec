package org.memnav.recordings;

/**
 * One message of a token channel ({@code /encoder/tokens} or {@code /compressor/tokens}): the tokens of the
 * frame seen at {@code step}, as stored ({@code dtype}; float16 values come back rounded).
 */
public record TokenFrame(int step, long logTimeNs, TensorDtype dtype, TokenTensor tokens) {
}
