package io.basin.warehouse;

import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * The child process of {@link TestWarehouseCopyCrashSafety}: loads CSV files with {@code COPY}
 * into warehouse table {@code t} (now and then a {@code DELETE} or a {@code VACUUM})
 * in a loop until it is killed, printing the state it is about to commit ({@code COMMITTING})
 * and the state it committed ({@code COMMITTED}) as count, sum and sum of squares of the ids.
 * Every row's other columns are derived from its id, so the parent checks each row too.
 */
public final class CrashingCopier
{
    private CrashingCopier() {}

    static List<Object> row(long id)
    {
        return List.of(id, payload(id), id * 0.5);
    }

    static String payload(long id)
    {
        return "p-" + Long.toHexString(id * 0x9E3779B97F4A7C15L) + "-" + "y".repeat((int) (id % 23));
    }

    static String state(TreeSet<Long> ids)
    {
        long sum = 0;
        long squares = 0;
        for (long id : ids) {
            sum += id;
            squares += id * id;
        }
        return ids.size() + " " + sum + " " + squares;
    }

    public static void main(String[] args)
            throws IOException
    {
        Path data = Path.of(args[0]);
        Path files = Path.of(args[1]);
        Random random = new Random(Long.parseLong(args[2]));
        Files.createDirectories(files);
        try (Basin basin = Basin.open(BasinConfig.defaults().withDataDirectory(data));
                BasinSession session = basin.newSession()) {
            session.execute("CREATE TABLE IF NOT EXISTS t (id bigint, payload varchar(64), half double precision) SORTKEY (id)");
            TreeSet<Long> ids = new TreeSet<>();
            for (List<Object> row : session.execute("SELECT id FROM t").rows()) {
                ids.add((Long) row.getFirst());
            }
            long nextId = ids.isEmpty() ? 0 : ids.last() + 1;
            System.out.println("READY " + state(ids));
            System.out.flush();
            for (int batch = 0; ; batch++) {
                TreeSet<Long> next = new TreeSet<>(ids);
                int action = random.nextInt(10);
                String sql;
                if (action == 0 && !ids.isEmpty()) {
                    // rewrites every live row; the state stays the same
                    sql = "VACUUM t";
                }
                else if (action == 1 && !ids.isEmpty()) {
                    // gives VACUUM deleted rows to reclaim
                    long bound = ids.first() + random.nextInt(2000);
                    sql = "DELETE FROM t WHERE id < " + bound;
                    next.headSet(bound).clear();
                }
                else {
                    int count = 1 + random.nextInt(20_000);
                    Path file = files.resolve("batch-" + batch + ".csv");
                    StringBuilder csv = new StringBuilder();
                    for (long id = nextId; id < nextId + count; id++) {
                        csv.append(id).append(',').append(payload(id)).append(',').append(id * 0.5).append('\n');
                        next.add(id);
                    }
                    Files.writeString(file, csv);
                    sql = "COPY t FROM 'file:" + file + "' CSV";
                }
                System.out.println("COMMITTING " + state(next));
                System.out.flush();
                session.execute(sql);
                ids = next;
                nextId = ids.isEmpty() ? 0 : ids.last() + 1;
                System.out.println("COMMITTED " + state(ids));
                System.out.flush();
            }
        }
    }
}
