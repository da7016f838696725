package io.vasgate.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Repository work on a connection the caller owns, inside whatever transaction the caller runs.
 *
 * <p>Work handed to {@link GroupCommit} may be run more than once (after a failed batch it is rerun
 * on its own), so it must not have effects outside the connection that a rerun would repeat
 * harmfully.
 */
@FunctionalInterface
public interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
