import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * What a durable store costs the disk alone: N new files of SIZE bytes, each written and
 * fsync'ed (FileChannel.force(true), as the archive's file system storage commits an object)
 * one after the other, as one association's C-STOREs must be. Prints the median, p90 and total.
 * Usage: java bench/FsyncLatency.java DIR N SIZE
 */
public class FsyncLatency {
    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int n = Integer.parseInt(args[1]);
        ByteBuffer data = ByteBuffer.allocateDirect(Integer.parseInt(args[2]));
        long[] each = new long[n];
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            try (FileChannel ch = FileChannel.open(dir.resolve("f" + i), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                data.clear();
                while (data.hasRemaining()) {
                    ch.write(data);
                }
                ch.force(true);
            }
            each[i] = System.nanoTime() - t0;
        }
        long total = System.nanoTime() - start;
        for (int i = 0; i < n; i++) {
            Files.delete(dir.resolve("f" + i));
        }
        Arrays.sort(each);
        System.out.printf("%.3f %.3f %.3f%n", each[n / 2] / 1e6, each[n * 9 / 10] / 1e6, total / 1e9);
    }
}
