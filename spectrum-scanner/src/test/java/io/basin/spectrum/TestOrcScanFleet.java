package io.basin.spectrum;

import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.orc.GenericOrcWriter;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.orc.ORC;
import org.apache.orc.OrcFile;
import org.apache.orc.Reader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet over ORC files written by Iceberg with small stripes (several per file) and small row
 * index strides, zstd-compressed.
 */
class TestOrcScanFleet
        extends BaseScanFleetTest
{
    @Override
    protected Map<String, String> tableProperties()
    {
        return Map.of(
                TableProperties.DEFAULT_FILE_FORMAT, "orc",
                TableProperties.ORC_STRIPE_SIZE_BYTES, "65536",
                TableProperties.ORC_COMPRESSION, "zstd");
    }

    @Override
    protected DataWriter<Record> newWriter(OutputFile output, Schema schema, Map<String, String> properties)
    {
        return ORC.writeData(output)
                .schema(schema)
                .createWriterFunc(GenericOrcWriter::buildWriter)
                .withSpec(PartitionSpec.unpartitioned())
                .setAll(properties)
                // ORC checks a stripe's size every this many rows (5000 by default): small stripes need frequent checks
                .set("orc.rows.between.memory.checks", "500")
                .set("orc.row.index.stride", "1000")
                .overwrite()
                .build();
    }

    @Override
    protected String extension()
    {
        return "orc";
    }

    @Test
    void testEachFileHasSeveralStripesAndEachTaskReadsItsOwn()
            throws IOException
    {
        // the counters' row groups are stripes: what ORC's own reader says the files hold
        Map<String, Long> files = new HashMap<>();
        long stripes = 0;
        for (ScanTask task : tasks()) {
            if (files.put(task.path(), task.recordCount()) == null) {
                try (Reader reader = OrcFile.createReader(new org.apache.hadoop.fs.Path(task.path()), OrcFile.readerOptions(new Configuration()))) {
                    assertThat(reader.getStripes().size()).isGreaterThan(1);
                    stripes += reader.getStripes().size();
                }
            }
        }
        assertThat(tasks().size()).isGreaterThan(files.size());
        ScanCounters counters = new ScanCounters();
        List<ScanTask> tasks = tasks();
        try (ScanStream stream = fleet().scan(new ScanRequest(tasks, List.of(), io.trino.spi.predicate.TupleDomain.all()), fileIO, 2, counters)) {
            long rows = 0;
            for (io.trino.spi.Page page = stream.next(); page != null; page = stream.next()) {
                rows += page.getPositionCount();
            }
            // each row once, however the files were split
            assertThat(rows).isEqualTo(files.values().stream().mapToLong(Long::longValue).sum());
        }
        assertThat(counters.snapshot().rowGroupsTotal()).isEqualTo(stripes);
        assertThat(counters.snapshot().rowGroupsRead()).isEqualTo(stripes);
    }
}
