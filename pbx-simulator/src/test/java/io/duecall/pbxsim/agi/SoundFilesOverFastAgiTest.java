package io.duecall.pbxsim.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.fastagi.command.StreamFileCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STREAM FILE of a file the PBX has and of one it has not, as res_agi answers them. */
class SoundFilesOverFastAgiTest {
    private static final int PAST_THE_END = 2_000_000_000;
    @TempDir
    Path sounds;

    private List<String> replies(SoundFiles files, List<String> names) throws Exception {
        var got = new CompletableFuture<List<String>>();
        try (var server = new AsteriskJavaAgiServer((request, channel) -> {
            var lines = new java.util.ArrayList<String>();
            for (var name : names) {
                lines.add(channel.sendCommand(new StreamFileCommand(name, "", PAST_THE_END)).getFirstLine());
            }
            got.complete(lines);
        })) {
            var spec = new AgiCallSpec(URI.create("agi://127.0.0.1:" + server.port() + "/doctor"),
                    "Local/hold@dialer-doctor-00000001;1", "1795330254.30", "dialer-doctor", List.of("doctor-1"),
                    Map.of(), CallerScript.parse(""), 0.001, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
            try (var caller = new FastAgiCaller(spec, files)) {
                caller.run();
            }
            return got.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aMissingFileGetsResultMinusOneAndTheOffsetAskedWhileAPresentOneEndsAtItsLength() throws Exception {
        var files = SoundFiles.all();
        files.remove("duecall/goodbye");

        var replies = replies(files, List.of("duecall/greeting-morning", "duecall/goodbye"));

        assertEquals(List.of("200 result=0 endpos=" + AgiCommands.samplesOf("duecall/greeting-morning"),
                "200 result=-1 endpos=" + PAST_THE_END), replies);
    }

    @Test
    void aSoundsFolderHasOnlyTheFilesUnderIt() throws Exception {
        Files.createDirectories(sounds.resolve("duecall/es"));
        Files.write(sounds.resolve("duecall/es/goodbye.wav"), new byte[44]);
        Files.write(sounds.resolve("duecall/goodbye.sln"), new byte[16]);
        var files = SoundFiles.all();
        files.folder(sounds);

        var replies = replies(files, List.of("duecall/goodbye", "duecall/es/goodbye", "duecall/abandon",
                "../etc/passwd"));

        assertEquals(List.of("200 result=0", "200 result=0", "200 result=-1", "200 result=-1"),
                replies.stream().map(r -> r.substring(0, r.indexOf(" endpos"))).toList());
    }
}
