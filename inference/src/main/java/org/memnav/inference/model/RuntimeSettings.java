package org.memnav.inference.model;

/**
 * How sessions are created. One intra-op thread by default: the agent loop runs several
 * models per step and latency figures are reported per core.
 */
public record RuntimeSettings(int intraOpThreads, boolean allowCuda, int cudaDevice) {

    public RuntimeSettings {
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be >= 1, was " + intraOpThreads);
        }
        if (cudaDevice < 0) {
            throw new IllegalArgumentException("cudaDevice must be >= 0, was " + cudaDevice);
        }
    }

    public static RuntimeSettings defaults() {
        return new RuntimeSettings(1, true, 0);
    }

    public RuntimeSettings withIntraOpThreads(int threads) {
        return new RuntimeSettings(threads, allowCuda, cudaDevice);
    }

    public RuntimeSettings cpuOnly() {
        return new RuntimeSettings(intraOpThreads, false, cudaDevice);
    }
}
