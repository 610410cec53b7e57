package org.arca.dicom.io;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Headers per second of a 512x512 16-bit CT (0.5 MB, Explicit VR LE, written by
 * {@link HeaderParseBenchmark#ctFile()}), parsing up to PixelData on one thread, from memory
 * and from a file (open, read, close each time). Goal: 50,000/s on one core.
 * Run: {@code mvn -q -pl dicom -Pjmh test-compile exec:exec}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Fork(value = 1, jvmArgs = "-Xmx256m")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class HeaderParseJmh {

    private static final int PIXEL_DATA = 0x7FE00010;

    private byte[] bytes;
    private Path file;

    @Setup(Level.Trial)
    public void writeFile() throws IOException {
        bytes = HeaderParseBenchmark.ctFile();
        file = Files.createTempFile("ct", ".dcm");
        Files.write(file, bytes);
    }

    @TearDown(Level.Trial)
    public void deleteFile() throws IOException {
        Files.delete(file);
    }

    @Benchmark
    public int fromMemory() throws IOException {
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(bytes))) {
            return in.readDataset(PIXEL_DATA).size();
        }
    }

    @Benchmark
    public int fromFile() throws IOException {
        try (DicomInputStream in = new DicomInputStream(file)) {
            return in.readDataset(PIXEL_DATA).size();
        }
    }
}
