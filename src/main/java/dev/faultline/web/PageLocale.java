package dev.faultline.web;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;

/**
 * Gives every page the request's interface language ({@link UiLanguage}) as it is created: message bundles
 * ({@code {msg:...}}) and the locale-aware formats ({@link LocalFormats}) read the template's {@code locale}
 * attribute before Quarkus's own choice (the first language of Accept-Language). Templates rendered outside a
 * page request (mails, jobs) keep the locale their writer sets.
 */
@Singleton
public class PageLocale implements TemplateInstance.Initializer {

    void register(@Observes EngineBuilder engine) {
        engine.addTemplateInstanceInitializer(this);
    }

    @Override
    public void accept(TemplateInstance page) {
        if (!Arc.container().requestContext().isActive() || CurrentRequestManager.get() == null) {
            return;
        }
        try (InstanceHandle<UiLanguage> language = Arc.container().instance(UiLanguage.class)) {
            page.setLocale(language.get().locale());
        }
    }
}
