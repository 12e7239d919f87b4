package dev.faultline.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The labelled files the shipped fault model is trained on: every label is a class of the default taxonomy (a line
 * with any other label would be left out of training without a word), and each file holds what it says it does.
 */
class ShippedTrainingDataTest {


    private static final List<String> FILES = List.of("classpath:classify/fmc-mwo2kg/train.txt",
            "classpath:classify/fmc-mwo2kg/dev.txt", "classpath:classify/zh-plant/train-modes.txt",
            "classpath:classify/openrepair/train-modes.txt");

    @Test
    void theDefaultTrainingDataIsTheseFiles() {
        assertEquals(String.join(",", FILES), defaultTrainingData());
    }

    @Test
    void everyLabelIsAClassOfTheDefaultTaxonomy() {
        Set<String> labels = Set.copyOf(Taxonomy.load("classpath:classify/iso14224-fmc.tsv").labels());
        for (String file : FILES) {
            List<String[]> rows = ClassifierTraining.read(file);
            assertTrue(rows.size() >= 50, file + ": " + rows.size() + " examples");
            Set<String> unknown = rows.stream().map(r -> r[1]).filter(l -> !labels.contains(l))
                    .collect(Collectors.toSet());
            assertEquals(Set.of(), unknown, file);
        }
    }

    @Test
    void theOpenRepairHalfHoldsOnlyMappedRecordsOfTheOddHalf() {
        List<String[]> rows = ClassifierTraining.read("classpath:classify/openrepair/train-modes.txt");
        // data/ords-fault-quests/training.py: 1,361 of the 2,288 odd-half records have a mapped fault type, at most
        // 120 of them per failure mode
        assertEquals(573, rows.size());
        java.util.Map<String, Long> perMode = rows.stream()
                .collect(Collectors.groupingBy(r -> r[1], Collectors.counting()));
        assertEquals(120L, perMode.values().stream().mapToLong(Long::longValue).max().orElse(0));
        assertTrue(rows.stream()
                .anyMatch(r -> r[0].equals("Befestigung Schalter verbogen") && r[1].equals("Electrical")));
    }

    @Test
    void theStoredModelsKeyFollowsTheTrainingFilesContent(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // a new release's training files (or a plant's own) must make the next start train a new model
        java.nio.file.Path file = dir.resolve("extra.txt");
        java.nio.file.Files.writeString(file, "oil weeping at the gearbox seal,Leaking\n");
        String first = ClassifierTraining.fingerprint(List.of(FILES.getFirst(), file.toString()));
        assertEquals(first, ClassifierTraining.fingerprint(List.of(FILES.getFirst(), file.toString())));
        java.nio.file.Files.writeString(file, "oil weeping at the gearbox seal,Leaking\npump seized,Breakdown\n");
        assertTrue(!first.equals(ClassifierTraining.fingerprint(List.of(FILES.getFirst(), file.toString()))));
        assertTrue(!first.equals(ClassifierTraining.fingerprint(List.of(FILES.getFirst()))));
    }

    private static String defaultTrainingData() {
        try {
            return ClassifyConfig.class.getMethod("trainingData")
                    .getAnnotation(io.smallrye.config.WithDefault.class).value();
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }
}
