package dev.faultline.ask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CountQuestionTest {

    @Test
    void countingQuestionsAndTheirSubject() {
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.COUNT, "left magneto")),
                CountQuestion.parse("How often did the left magneto fail?"));
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.COUNT, "#3 cylinder low compression")),
                CountQuestion.parse("how many times was there #3 cylinder low compression"));
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.COUNT, "tachometer replaced")),
                CountQuestion.parse("How many times was the tachometer replaced?"));
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.COUNT, "printer paper jams")),
                CountQuestion.parse("Number of printer paper jams"));
    }

    @Test
    void chineseCountingQuestionsAndTheirSubject() {
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.COUNT, "P-101 机械密封泄漏")),
                CountQuestion.parse("P-101 机械密封泄漏了多少次？"));
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.COUNT, "皮带跑偏")),
                CountQuestion.parse("皮带跑偏的记录一共有几条？"));
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.COUNT, "轴承过热")),
                CountQuestion.parse("轴承过热发生过多少次"), "the 过 of 过热 is the subject's");
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.COUNT, "共振导致的记录仪故障")),
                CountQuestion.parse("共振导致的记录仪故障出现过几次？"), "question words inside the subject stay");
        assertEquals(Optional.empty(), CountQuestion.parse("皮带跑偏怎么处理？"), "not a counting question");
        assertEquals(Optional.empty(), CountQuestion.parse("出口压力是多少？"), "a value, not a count");
        assertEquals(Optional.empty(), CountQuestion.parse("启停次数过多的原因"), "not a count either");
        assertEquals(Optional.empty(), CountQuestion.parse("有多少次？"), "nothing left to count");
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.MOST, "轴承过热")),
                CountQuestion.parse("哪台设备的轴承过热最多？"));
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.MOST, "泵机械密封泄漏")),
                CountQuestion.parse("哪个泵机械密封泄漏次数最多"), "a named kind stays in the subject");
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.MOST, "轴承过热")),
                CountQuestion.parse("轴承过热最多的是哪台设备？"));
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.FIRST, "皮带跑偏")),
                CountQuestion.parse("皮带跑偏最早是什么时候？"));
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.FIRST, "皮带跑偏")),
                CountQuestion.parse("皮带跑偏是从什么时候开始的？"));
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.FIRST, "皮带跑偏")),
                CountQuestion.parse("什么时候开始出现皮带跑偏？"));
        assertEquals(Optional.empty(), CountQuestion.parse("上次更换滤芯是什么时候？"), "the last time: a lookup");
        assertEquals(Optional.empty(), CountQuestion.parse("哪台设备故障最多？"), "nothing but 'fault' to count");
    }

    @Test
    void aKindOfRecordTheQuestionNamesIsAFilterNotWordsOfTheSubject() {
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.COUNT, "conveyor belt", "work_order")),
                CountQuestion.parse("How many work orders mention the conveyor belt?"));
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.COUNT, "scratches", "quality_report")),
                CountQuestion.parse("how many quality reports about scratches"));
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.MOST, "seal leaks", "inspection_note")),
                CountQuestion.parse("Which pump had the most inspection findings of seal leaks?"));
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.COUNT, "right engine running rough",
                "maintenance_log")),
                CountQuestion.parse("How many log entries say the right engine was running rough?"));
        assertEquals(Optional.empty(), CountQuestion.parse("How many work orders?"), "nothing left to count");
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.COUNT, "P-101 机械密封泄漏", "work_order")),
                CountQuestion.parse("P-101 机械密封泄漏的工单有几条？"));
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.COUNT, "外壳划伤", "quality_report")),
                CountQuestion.parse("外壳划伤的质量报告一共有多少条？"));
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.MOST, "皮带跑偏", "inspection_note")),
                CountQuestion.parse("哪台设备的皮带跑偏点检记录最多？"));
        assertEquals(Optional.empty(), CountQuestion.parse("工单有几条？"), "nothing left to count");
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.COUNT, "orders stuck queue")),
                CountQuestion.parse("How many orders stuck in the queue?"), "'orders' alone is a word of the subject");
    }

    @Test
    void wordsAboutTheRecordsThemselvesAreNotTheSubjectAndOrJoinsAlternatives() {
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.COUNT, "right engine running rough")),
                CountQuestion.parse("How many entries say the right engine was running rough?"));
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.COUNT, "prop+strike|sudden+stoppage",
                "maintenance_log")),
                CountQuestion.parse("How many log entries relate to a prop strike / sudden stoppage?"));
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.COUNT, "left|right magneto drop")),
                CountQuestion.parse("how many times was there a left / right magneto drop"), "one word: an or");
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.COUNT, "left main gear collapsing|breaking")),
                CountQuestion.parse("How many FAA reports describe the left main gear collapsing or breaking?"));
    }

    @Test
    void sinceWhenAndWhichAssetMost() {
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.FIRST, "cracked exhaust")),
                CountQuestion.parse("Since when do we have cracked exhaust problems?"));
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.FIRST, "right brake leak")),
                CountQuestion.parse("When did the right brake leak first occur?"));
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.MOST, "oil leaks")),
                CountQuestion.parse("Which aircraft had the most oil leaks?"));
        // an asset named by its kind stays in the subject: without excavators, nothing is counted
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.MOST, "excavator hydraulic hose leaks")),
                CountQuestion.parse("Which excavator had the most hydraulic hose leaks?"));
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.MOST, "compressor trips")),
                CountQuestion.parse("which compressors saw the most trips"));
        assertEquals(Optional.of(new CountQuestion(CountQuestion.Kind.MOST, "bearing seizures")),
                CountQuestion.parse("Which part had the most bearing seizures?"));
        assertTrue(CountQuestion.parse("Which excavator had hydraulic hose leaks?").isEmpty(), "no 'most'");
    }

    @Test
    void otherQuestionsAreNotCounted() {
        assertTrue(CountQuestion.parse("what was done about cracked exhaust stacks?").isEmpty());
        assertTrue(CountQuestion.parse("why does the left magneto drop?").isEmpty());
        assertTrue(CountQuestion.parse("when was the tachometer replaced?").isEmpty(), "no 'first': a lookup");
        // nothing left to count once the question words are gone
        assertTrue(CountQuestion.parse("how many times did it fail?").isEmpty());
    }
}
