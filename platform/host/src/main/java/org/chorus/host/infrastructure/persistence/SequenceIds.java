package org.chorus.host.infrastructure.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Ids for the rows a supporter's action writes, drawn from the same database sequences as the entities'
 * {@code @SequenceGenerator}s and in the same blocks ({@code INCREMENT BY 50}: {@code nextval} = v hands out
 * v − 49 … v), so ids from here and from EclipseLink never collide.
 * <p>
 * Why not EclipseLink's own sequencing: it takes one lock around every id it hands out, even from a block already
 * fetched, and under a few dozen concurrent submissions a third of the server's CPU went to threads spinning on it
 * (JFR, action POST benchmark). Here a thread takes an id with one atomic increment; only the thread that finds the
 * block used up fetches the next one, on a connection of its own (two stay outside {@link Transactions}' admission
 * for this).
 */
public final class SequenceIds {

    /** The {@code INCREMENT BY} of every sequence in the migrations. */
    static final int BLOCK = 50;
    private static final Pattern NAME = Pattern.compile("[a-z_]+");

    private final DataSource dataSource;
    private final Database.Dialect dialect;
    private final Map<String, Sequence> sequences = new ConcurrentHashMap<>();

    public SequenceIds(DataSource dataSource, Database.Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** The next id of a sequence of the migrations, e.g. {@code supporter_seq}. */
    public long next(String sequence) {
        return sequences.computeIfAbsent(sequence, Sequence::new).next();
    }

    private record Block(AtomicLong cursor, long last) {
    }

    private final class Sequence {
        private final String name;
        private final AtomicReference<Block> block = new AtomicReference<>(new Block(new AtomicLong(1), 0));

        Sequence(String name) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a sequence name: " + name);
            }
            this.name = name;
        }

        long next() {
            while (true) {
                Block b = block.get();
                long id = b.cursor().getAndIncrement();
                if (id <= b.last()) {
                    return id;
                }
                synchronized (this) {
                    if (block.get() == b) { // nobody fetched the next block while this thread waited
                        long v = fetch();
                        block.set(new Block(new AtomicLong(v - BLOCK + 1), v));
                    }
                }
            }
        }

        private long fetch() {
            String sql = dialect == Database.Dialect.POSTGRESQL ? "SELECT nextval('" + name + "')" : "SELECT NEXT VALUE FOR " + name;
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new jakarta.persistence.PersistenceException("cannot draw ids from " + name + ": " + e.getMessage(), e);
            }
        }
    }
}
