package io.duecall.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyPathTest {
    record Campaign(int channelLimit) {}

    record Config(List<Campaign> campaigns) {}

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void fieldsAreJoinedByDotsAndPositionsBracketed() {
        var error = assertThrows(JsonMappingException.class, () -> mapper.readValue(
                "{\"campaigns\": [{\"channelLimit\": 5}, {\"channelLimit\": \"many\"}]}", Config.class));

        assertEquals("campaigns[1].channelLimit", KeyPath.of(error));
    }

    @Test
    void anErrorAtTheTopHasAnEmptyPath() {
        var error = assertThrows(JsonMappingException.class, () -> mapper.readValue("[1]", Config.class));

        assertEquals("", KeyPath.of(error));
    }
}
