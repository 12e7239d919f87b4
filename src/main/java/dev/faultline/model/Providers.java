package dev.faultline.model;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Locale;
import org.jboss.logging.Logger;

/** Picks the ONNX Runtime execution provider: CPU by default, CUDA when asked for and available. */
final class Providers {

    private static final Logger LOG = Logger.getLogger(Providers.class);

    private Providers() {}

    /** Adds the provider to the options; answers the one that will actually run. */
    static String choose(String wanted, OrtSession.SessionOptions options) {
        if (!"cuda".equals(wanted.toLowerCase(Locale.ROOT))) {
            return "CPU";
        }
        try {
            options.addCUDA(0);
            return "CUDA";
        } catch (OrtException | UnsatisfiedLinkError | IllegalArgumentException e) {
            // the CPU-only onnxruntime jar, no GPU, or no CUDA libraries: run on the CPU and say so
            LOG.warnf("faultline.model.provider=cuda, but CUDA is not available (%s); using the CPU", e.getMessage());
            return "CPU";
        }
    }
}
