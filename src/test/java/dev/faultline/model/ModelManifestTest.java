package dev.faultline.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ModelManifestTest {

    @Test
    void manifestsAreReadAsUtf8() {
        // read as ISO-8859-1 (Properties' default), this instruction became 54 junk characters before every question
        ModelManifest zh = ModelManifest.load("classpath:models/bge-small-zh-v15-q.properties");
        assertEquals("为这个句子生成表示以用于检索相关文章：", zh.queryPrefix());
        assertEquals(512, zh.dimensions());
        assertEquals("bge-small-zh-v1.5-q@0.36.2", zh.id());
    }
}
