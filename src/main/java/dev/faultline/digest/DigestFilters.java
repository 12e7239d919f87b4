package dev.faultline.digest;

import java.util.List;

/** What a digest covers: records of any of these sites, assets, asset types, kinds and fault classes (empty: any). */
public record DigestFilters(List<String> sites, List<String> assets, List<String> assetTypes, List<String> kinds,
        List<String> faultClasses) {

    public DigestFilters {
        sites = sites == null ? List.of() : sites;
        assets = assets == null ? List.of() : assets;
        assetTypes = assetTypes == null ? List.of() : assetTypes;
        kinds = kinds == null ? List.of() : kinds;
        faultClasses = faultClasses == null ? List.of() : faultClasses;
    }

    public static DigestFilters none() {
        return new DigestFilters(null, null, null, null, null);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return sites.isEmpty() && assets.isEmpty() && assetTypes.isEmpty() && kinds.isEmpty() && faultClasses.isEmpty();
    }
}
