package dev.aivoicebot.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.archive.CallArchive;
import dev.aivoicebot.archive.LiveCalls;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * The calls in the database, for whoever serves them: present only when {@code DB_URL} is set (the datasource is
 * active). Without it this bean holds nothing and never connects.
 */
@Singleton
public class DatabaseArchive {

    private final List<AgroalDataSource> database;
    private final ObjectMapper json;

    DatabaseArchive(InjectableInstance<AgroalDataSource> database, ObjectMapper json) {
        this.database = database.listActive();
        this.json = json;
    }

    /** Whether {@code DB_URL} is set. */
    public boolean configured() {
        return !database.isEmpty();
    }

    /** The database-backed archive; empty without {@code DB_URL}. */
    public Optional<CallArchive> archive(LiveCalls live) {
        return !configured() ? Optional.empty() : Optional.of(new DbCallArchive(database.get(0), json, live));
    }
}
