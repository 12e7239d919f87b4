package dev.faultline.digest;

import java.util.ArrayList;
import java.util.List;

/** Words and links that describe a digest's filters. */
final class DigestLinks {

    private DigestLinks() {}

    /** "every record", or "sites A, B · kinds work_order". */
    static String scope(DigestFilters f, DigestMessages words, String language) {
        List<String> parts = new ArrayList<>();
        part(parts, words.sites(), f.sites());
        part(parts, words.assets(), f.assets());
        part(parts, words.assetTypes(), f.assetTypes());
        part(parts, words.kinds(), f.kinds());
        part(parts, words.failureModes(), f.faultClasses().stream()
                .map(c -> dev.faultline.classify.ClassNames.in(c, language)).toList());
        return parts.isEmpty() ? words.everyRecord() : String.join(" \u00b7 ", parts);
    }

    /** The Trends page with the same sites, assets, asset types and kinds. */
    static String trends(String base, DigestFilters f) {
        StringBuilder url = new StringBuilder(base).append("/trends?interval=week");
        f.sites().forEach(s -> url.append("&site=").append(DigestBuilder.enc(s)));
        f.assets().forEach(s -> url.append("&asset=").append(DigestBuilder.enc(s)));
        f.assetTypes().forEach(s -> url.append("&assetType=").append(DigestBuilder.enc(s)));
        f.kinds().forEach(s -> url.append("&kind=").append(DigestBuilder.enc(s)));
        return url.toString();
    }

    private static void part(List<String> parts, String name, List<String> values) {
        if (!values.isEmpty()) {
            parts.add(name + " " + String.join(", ", values));
        }
    }
}
