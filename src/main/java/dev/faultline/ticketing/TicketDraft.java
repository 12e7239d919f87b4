package dev.faultline.ticketing;

import java.util.List;

/**
 * A ticket to raise: its one-line summary, its paragraphs (the record or prediction, its failure mode, similar past
 * records with their fixes), the asset and what it came from.
 */
record TicketDraft(String summary, List<String> paragraphs, String asset, Long recordId) {

    String plain() {
        return String.join("\n\n", paragraphs);
    }
}
