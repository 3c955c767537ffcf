package io.duecall.ivr.flow;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.duecall.domain.campaign.CampaignId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every sound file the flows play that a deployment records itself: each {@code prompt:} item and question of every
 * flow, the prompts the built-in items and actions play ({@code greeting}, the second factor, "not a valid choice"),
 * each campaign's company name, and the same again under {@code duecall/<language>/} for each language a flow
 * lists. Numbers, dates and spelled names use Asterisk's own sounds and are not listed.
 */
public final class PromptList {
    private static final String TEXTS = "prompt-texts.yaml";
    private static final Map<String, String> KNOWN_TEXTS = loadTexts();
    private static final Map<String, List<String>> ITEM_PROMPTS = Map.of(
            "greeting", List.of(Prompts.GREETING_MORNING, Prompts.GREETING_AFTERNOON, Prompts.GREETING_EVENING));
    private static final Map<String, List<String>> ACTION_PROMPTS = Map.of(
            "second-factor", List.of(Prompts.ENTER_BIRTH_YEAR, Prompts.ENTER_ID_LAST4, Prompts.INVALID),
            "store-promise", List.of(Prompts.PROMISE_NOT_RECORDED));

    /** One file to record: its name under the sounds directory (no extension), its language, words and uses. */
    public record Entry(String file, String language, String text, List<String> usedIn) {
        public Entry {
            usedIn = List.copyOf(usedIn);
        }
    }

    /** A campaign whose company name is spoken from its own recording, {@code duecall/company-<id>}. */
    public record Company(String campaignId, String companyName) {}

    private PromptList() {}

    /**
     * The prompts of {@code flows} and {@code companies}, the default language first, each file once.
     *
     * @throws IllegalArgumentException naming the flow, step and prompt when a flow plays a prompt with no known text
     */
    public static List<Entry> of(List<FlowDefinition> flows, List<Company> companies) {
        var uses = new LinkedHashMap<String, Set<String>>();
        var languages = new LinkedHashSet<String>();
        for (var flow : flows) {
            languages.addAll(flow.languages());
            flow.steps().forEach((name, step) -> {
                var where = flow.id() + ":" + name;
                for (var item : step.say()) {
                    if (item.startsWith("prompt:")) {
                        use(uses, item.substring("prompt:".length()), where);
                    }
                    ITEM_PROMPTS.getOrDefault(item, List.of()).forEach(prompt -> use(uses, prompt, where));
                }
                if (step.ask() != null) {
                    use(uses, step.ask(), where);
                    use(uses, Prompts.INVALID, where);
                }
                if (step.action() != null) {
                    ACTION_PROMPTS.getOrDefault(step.action(), List.of()).forEach(prompt -> use(uses, prompt, where));
                }
            });
        }
        var entries = new ArrayList<Entry>();
        uses.forEach((file, where) -> entries.add(new Entry(file, "", text(file, where), List.copyOf(where))));
        for (var company : companies) {
            entries.add(new Entry(Prompts.company(new CampaignId(company.campaignId())), "",
                    company.companyName(), List.of("company of campaign " + company.campaignId())));
        }
        for (var language : languages) {
            uses.forEach((file, where) -> entries.add(new Entry(localized(file, language), language,
                    text(file, where), List.copyOf(where))));
        }
        return List.copyOf(entries);
    }

    /** The words of one of the flows' own prompts, if it is one. */
    public static Optional<String> knownText(String file) {
        return Optional.ofNullable(KNOWN_TEXTS.get(file));
    }

    private static void use(Map<String, Set<String>> uses, String file, String where) {
        uses.computeIfAbsent(file, f -> new LinkedHashSet<>()).add(where);
    }

    private static String text(String file, Set<String> where) {
        var text = KNOWN_TEXTS.get(file);
        if (text == null) {
            throw new IllegalArgumentException("prompt " + file + " (played at " + String.join(", ", where)
                    + "): no text known (expected an entry in " + TEXTS + ")");
        }
        return text;
    }

    private static String localized(String file, String language) {
        return file.startsWith("duecall/") ? "duecall/" + language + "/" + file.substring("duecall/".length()) : file;
    }

    private static Map<String, String> loadTexts() {
        var mapper = JsonMapper.builder(new YAMLFactory()).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        try (var in = PromptList.class.getResourceAsStream(TEXTS)) {
            if (in == null) {
                throw new IllegalStateException(TEXTS + " is missing from the classpath");
            }
            return Map.copyOf(mapper.readValue(in, new TypeReference<LinkedHashMap<String, String>>() {}));
        } catch (JacksonException e) {
            throw new IllegalStateException(TEXTS + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
