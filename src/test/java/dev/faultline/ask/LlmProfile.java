package dev.faultline.ask;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The app pointed at the scripted OpenAI-protocol server, with a short time-out. */
public class LlmProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("faultline.llm.base-url", "http://127.0.0.1:" + ScriptedLlm.PORT + "/v1",
                "faultline.llm.model", "test-model",
                "faultline.llm.timeout", "2s");
    }
}
