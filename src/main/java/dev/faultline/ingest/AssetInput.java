package dev.faultline.ingest;

/** The asset a record is about, as sent by a client: {@code id} is required, the rest updates the asset. */
public record AssetInput(String id, String name, String type, String site, String line) {}
