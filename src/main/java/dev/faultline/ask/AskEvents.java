package dev.faultline.ask;

/** What a streamed answer tells its client as it goes: each retrieved record, then each checked sentence. */
public interface AskEvents {

    void retrieved(AskView.Retrieved record);

    /** A sentence of the LLM's answer that passed {@link AnswerGuard}. */
    void sentence(String text);

    /** A sentence of the LLM's answer that did not, and why (its text is never sent). */
    void dropped(String reason);
}
