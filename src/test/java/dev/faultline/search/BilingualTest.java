package dev.faultline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class BilingualTest {

    private final Bilingual glossary = Bilingual.load();

    @Test
    void englishTermsBecomeTheirChineseTermsLongestPhraseFirst() {
        // "hydraulic station" is one term, not "hydraulic" + "station"; "leaking" is stemmed to the glossary's "leak"
        assertEquals("液压站 泄漏", glossary.translate("hydraulic station leaking"));
        assertEquals("轴承 过热 电机", glossary.translate("Bearings overheating on the motors"));
        assertEquals("漏油", glossary.translate("oil leak"));
        // "泵" alone matches no word of the index (Chinese is indexed as character pairs): the line's "水泵" is used
        assertEquals("水泵 泄漏", glossary.translate("pump leaking"));
    }

    @Test
    void codesAndPartNumbersAreKeptAsWritten() {
        assertEquals("主轴 异响 HMC-01 6205", glossary.translate("spindle noise on HMC-01, part 6205."));
        assertEquals("轴承 更换 6205-2RS", glossary.translate("bearing replaced with 6205-2RS"));
    }

    @Test
    void chineseTermsBecomeTheirEnglishFormsWithTheLatinWords() {
        assertEquals("water pump leak", glossary.translate("循环水泵泄漏"));
        assertEquals("air compressor overheat alarm PLC", glossary.translate("空压机温度高报警，PLC 显示"));
    }

    @Test
    void nothingTheGlossaryHoldsIsNoTranslation() {
        assertNull(glossary.translate("what happened yesterday"));
        assertNull(glossary.translate("昨天发生了什么"));
    }
}
