package dev.faultline.search;

/** Makes a snippet safe HTML: escapes the record text, then turns the highlight sentinels into mark tags. */
final class Snippets {

    private Snippets() {}

    static String html(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(raw.length() + 32);
        for (char ch : raw.toCharArray()) {
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case PageRepository.MARK_START -> sb.append("<mark>");
                case PageRepository.MARK_END -> sb.append("</mark>");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
