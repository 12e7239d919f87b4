package dev.faultline.imports;

import java.nio.file.Path;

/** What arrived with {@code POST /api/v1/imports}: the received file and the optional form fields. */
public record ImportUpload(
        Path file, String fileName, long size, String format, String source, String kind, String mapping) {}
