package dev.jumbo.memory.memories;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Scratch timing of the lexical rankings over N synthetic memories (not a test). */
public final class LexicalRankingBenchmark {

    public static void main(String[] args) {
        String[] names = {"Anna", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kira", "Liam",
                "Maya", "Noah", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tara"};
        String[] cities = {"Paris", "London", "Berlin", "Madrid", "Rome", "Oslo", "Lisbon", "Vienna", "Prague", "Dublin",
                "Tokyo", "Seoul", "Lima", "Cairo", "Nairobi", "Austin", "Denver", "Boston", "Chennai", "Pune"};
        String[] things = {"hiking", "jazz", "sushi", "chess", "painting", "running", "baking", "poetry", "cycling",
                "climbing", "gardening", "knitting", "surfing", "yoga", "tennis", "opera", "ramen", "tea", "films", "board games"};
        String[] relations = {"colleague", "neighbour", "cousin", "classmate", "teammate"};
        int n = Integer.parseInt(args.length > 0 ? args[0] : "100000");
        List<IndexChange> changes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = names[i % names.length], city = cities[(i / 7) % cities.length], thing = things[(i / 3) % things.length];
            String relation = relations[i % relations.length];
            String text = switch (i % 4) {
                case 0 -> "User's " + relation + " " + name + " lives in " + city + " (" + i + ")";
                case 1 -> "User's " + relation + " " + name + " likes " + thing + " (" + i + ")";
                case 2 -> "User's " + relation + " " + name + " works at " + city + " " + thing + " club (" + i + ")";
                default -> "User and " + name + " went " + thing + " in " + city + " (" + i + ")";
            };
            UUID id = UUID.randomUUID();
            changes.add(new IndexChange(id, i + 1, new IndexedMemory(id, text, "relationships", relation, "likes", List.of(), false), null));
        }
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            for (IndexChange change : changes) {
                TextFeatures.of(change.memory().text(), change.memory().subject());
            }
            System.out.printf("text features of %d memories: %.0f ms%n", n, (System.nanoTime() - start) / 1e6);
        }
        long t0 = System.nanoTime();
        MemoryIndex index = MemoryIndex.empty(1, 0).apply(1, changes);
        System.out.printf("built %d in %.0f ms%n", n, (System.nanoTime() - t0) / 1e6);
        String[] queries = {"sister paris", "hiking", "Maya likes jazz", "colleague in Berlin", "tenis"};
        for (int round = 0; round < 3; round++) {
            for (String q : queries) {
                double[] ft = new double[200], tg = new double[200], el = new double[200];
                for (int r = 0; r < 200; r++) {
                    TextQuery query = TextQuery.of(q);
                    long a = System.nanoTime();
                    int[] slots = index.eligibleSlots(false, null);
                    long b = System.nanoTime();
                    LexicalRanking.fullText(index, slots, query, 50);
                    long c = System.nanoTime();
                    LexicalRanking.trigram(index, slots, query, 50);
                    long d = System.nanoTime();
                    el[r] = (b - a) / 1e6; ft[r] = (c - b) / 1e6; tg[r] = (d - c) / 1e6;
                }
                if (round == 2) {
                    System.out.printf("%-22s eligible p50 %.2f  fullText p50 %.2f p99 %.2f  trigram p50 %.2f p99 %.2f%n", q,
                            p(el, 50), p(ft, 50), p(ft, 99), p(tg, 50), p(tg, 99));
                }
            }
        }
    }

    private static double p(double[] v, int pct) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, s.length * pct / 100)];
    }
}
