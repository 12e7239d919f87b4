package dev.faultline.i18n;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * A type-safe message bundle in one of the languages the app speaks: "zh" gets the Chinese one
 * (messages/&lt;bundle&gt;_zh.properties), anything else the English default. For words written in Java: a page's
 * flash messages, a digest mail's sentences, the built-in answerer's phrases.
 */
public final class Bundles {

    private Bundles() {}

    public static <T> T in(Class<T> type, String language) {
        return "zh".equals(language) ? MessageBundles.get(type, Localized.Literal.of("zh")) : MessageBundles.get(type);
    }
}
