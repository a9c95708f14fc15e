package io.basin.engine;

import io.basin.embedded.QueryResult;
import io.basin.metadata.SettingValue;
import io.basin.sql.parser.Statement;
import io.trino.spi.type.VarcharType;

import java.util.ArrayList;
import java.util.List;

/** Runs SET, RESET and SHOW against a session's {@link SessionSettings}. */
final class SettingStatements
{
    private SettingStatements() {}

    static QueryResult set(SessionSettings settings, Statement.SetSession set)
    {
        if (set.values().isEmpty()) {
            if (set.name().equals(Statement.SetSession.ALL)) {
                settings.resetAll();
            }
            else {
                settings.reset(set.name(), set.local());
            }
        }
        else {
            settings.set(set.name(), set.values().get(), set.local());
        }
        return QueryResult.updateCount(-1);
    }

    static QueryResult show(SessionSettings settings, Statement.Show show)
    {
        if (show.name().equals(Statement.SetSession.ALL)) {
            List<List<Object>> rows = new ArrayList<>();
            for (SettingValue setting : settings.all()) {
                rows.add(List.of(setting.name(), setting.shown(), setting.description()));
            }
            return new QueryResult(List.of(
                    new QueryResult.Column("name", VarcharType.VARCHAR),
                    new QueryResult.Column("setting", VarcharType.VARCHAR),
                    new QueryResult.Column("description", VarcharType.VARCHAR)), rows, -1);
        }
        String value = settings.show(show.name());
        return new QueryResult(List.of(new QueryResult.Column(settings.canonicalName(show.name()), VarcharType.VARCHAR)), List.of(List.of(value)), -1);
    }
}
