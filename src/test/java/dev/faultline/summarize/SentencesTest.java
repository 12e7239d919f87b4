package dev.faultline.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void englishSentencesSplitAtStopsFollowedBySpaceButNotInsideNumbersOrShorthand() {
        assertEquals(List.of("R.H. MAG DROP 150 RPM.", "Gap set to 0.5 mm;", "ran OK."),
                Sentences.split("R.H. MAG DROP 150 RPM. Gap set to 0.5 mm; ran OK."));
    }

    @Test
    void chineseSentencesSplitAtTheirOwnStopsWithoutSpaces() {
        assertEquals(List.of("P-101 机封漏水。", "停机更换机械密封；", "试车正常，无泄漏！", "下次点检再确认？"),
                Sentences.split("P-101 机封漏水。停机更换机械密封；试车正常，无泄漏！下次点检再确认？"));
        // a comma does not end a sentence, and English inside Chinese text stays whole
        assertEquals(List.of("更换 SKF 6205-2RS 轴承，温度 45.5℃ 正常。"),
                Sentences.split("更换 SKF 6205-2RS 轴承，温度 45.5℃ 正常。"));
    }
}
