package dev.alloydb.jakarta.ra.outbound;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * The database metadata handed out through a {@link ConnectionHandle} (see {@link DependentHandle}): its result sets
 * are {@link ResultSetHandle}s with no statement.
 */
final class MetaDataHandle extends DependentHandle implements DatabaseMetaData {

  private final DatabaseMetaData target;

  MetaDataHandle(DatabaseMetaData target, ConnectionHandle connection, HandleOwner owner) {
    super(connection, owner);
    this.target = target;
  }

  @Override
  Wrapper target() {
    return target;
  }

  @Override
  public Connection getConnection() {
    return connection;
  }

  @Override
  public boolean allProceduresAreCallable() throws SQLException {
    check();
    try {
      return target.allProceduresAreCallable();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean allTablesAreSelectable() throws SQLException {
    check();
    try {
      return target.allTablesAreSelectable();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public String getURL() throws SQLException {
    check();
    try {
      return target.getURL();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public String getUserName() throws SQLException {
    check();
    try {
      return target.getUserName();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    check();
    try {
      return target.isReadOnly();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean nullsAreSortedHigh() throws SQLException {
    check();
    try {
      return target.nullsAreSortedHigh();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean nullsAreSortedLow() throws SQLException {
    check();
    try {
      return target.nullsAreSortedLow();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean nullsAreSortedAtStart() throws SQLException {
    check();
    try {
      return target.nullsAreSortedAtStart();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean nullsAreSortedAtEnd() throws SQLException {
    check();
    try {
      return target.nullsAreSortedAtEnd();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public String getDatabaseProductName() throws SQLException {
    check();
    try {
      return target.getDatabaseProductName();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public String getDatabaseProductVersion() throws SQLException {
    check();
    try {
      return target.getDatabaseProductVersion();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public String getDriverName() throws SQLException {
    check();
    try {
      return target.getDriverName();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public String getDriverVersion() throws SQLException {
    check();
    try {
      return target.getDriverVersion();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getDriverMajorVersion() {
    return target.getDriverMajorVersion();
  }

  @Override
  public int getDriverMinorVersion() {
    return target.getDriverMinorVersion();
  }

  @Override
  public boolean usesLocalFiles() throws SQLException {
    check();
    try {
      return target.usesLocalFiles();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean usesLocalFilePerTable() throws SQLException {
    check();
    try {
      return target.usesLocalFilePerTable();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsMixedCaseIdentifiers() throws SQLException {
    check();
    try {
      return target.supportsMixedCaseIdentifiers();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean storesUpperCaseIdentifiers() throws SQLException {
    check();
    try {
      return target.storesUpperCaseIdentifiers();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean storesLowerCaseIdentifiers() throws SQLException {
    check();
    try {
      return target.storesLowerCaseIdentifiers();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean storesMixedCaseIdentifiers() throws SQLException {
    check();
    try {
      return target.storesMixedCaseIdentifiers();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsMixedCaseQuotedIdentifiers() throws SQLException {
    check();
    try {
      return target.supportsMixedCaseQuotedIdentifiers();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean storesUpperCaseQuotedIdentifiers() throws SQLException {
    check();
    try {
      return target.storesUpperCaseQuotedIdentifiers();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean storesLowerCaseQuotedIdentifiers() throws SQLException {
    check();
    try {
      return target.storesLowerCaseQuotedIdentifiers();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean storesMixedCaseQuotedIdentifiers() throws SQLException {
    check();
    try {
      return target.storesMixedCaseQuotedIdentifiers();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public String getIdentifierQuoteString() throws SQLException {
    check();
    try {
      return target.getIdentifierQuoteString();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public String getSQLKeywords() throws SQLException {
    check();
    try {
      return target.getSQLKeywords();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public String getNumericFunctions() throws SQLException {
    check();
    try {
      return target.getNumericFunctions();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public String getStringFunctions() throws SQLException {
    check();
    try {
      return target.getStringFunctions();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public String getSystemFunctions() throws SQLException {
    check();
    try {
      return target.getSystemFunctions();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public String getTimeDateFunctions() throws SQLException {
    check();
    try {
      return target.getTimeDateFunctions();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public String getSearchStringEscape() throws SQLException {
    check();
    try {
      return target.getSearchStringEscape();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public String getExtraNameCharacters() throws SQLException {
    check();
    try {
      return target.getExtraNameCharacters();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsAlterTableWithAddColumn() throws SQLException {
    check();
    try {
      return target.supportsAlterTableWithAddColumn();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsAlterTableWithDropColumn() throws SQLException {
    check();
    try {
      return target.supportsAlterTableWithDropColumn();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsColumnAliasing() throws SQLException {
    check();
    try {
      return target.supportsColumnAliasing();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean nullPlusNonNullIsNull() throws SQLException {
    check();
    try {
      return target.nullPlusNonNullIsNull();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsConvert() throws SQLException {
    check();
    try {
      return target.supportsConvert();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsConvert(int fromType, int toType) throws SQLException {
    check();
    try {
      return target.supportsConvert(fromType, toType);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsTableCorrelationNames() throws SQLException {
    check();
    try {
      return target.supportsTableCorrelationNames();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsDifferentTableCorrelationNames() throws SQLException {
    check();
    try {
      return target.supportsDifferentTableCorrelationNames();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsExpressionsInOrderBy() throws SQLException {
    check();
    try {
      return target.supportsExpressionsInOrderBy();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsOrderByUnrelated() throws SQLException {
    check();
    try {
      return target.supportsOrderByUnrelated();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsGroupBy() throws SQLException {
    check();
    try {
      return target.supportsGroupBy();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsGroupByUnrelated() throws SQLException {
    check();
    try {
      return target.supportsGroupByUnrelated();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsGroupByBeyondSelect() throws SQLException {
    check();
    try {
      return target.supportsGroupByBeyondSelect();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsLikeEscapeClause() throws SQLException {
    check();
    try {
      return target.supportsLikeEscapeClause();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsMultipleResultSets() throws SQLException {
    check();
    try {
      return target.supportsMultipleResultSets();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsMultipleTransactions() throws SQLException {
    check();
    try {
      return target.supportsMultipleTransactions();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsNonNullableColumns() throws SQLException {
    check();
    try {
      return target.supportsNonNullableColumns();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsMinimumSQLGrammar() throws SQLException {
    check();
    try {
      return target.supportsMinimumSQLGrammar();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsCoreSQLGrammar() throws SQLException {
    check();
    try {
      return target.supportsCoreSQLGrammar();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsExtendedSQLGrammar() throws SQLException {
    check();
    try {
      return target.supportsExtendedSQLGrammar();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsANSI92EntryLevelSQL() throws SQLException {
    check();
    try {
      return target.supportsANSI92EntryLevelSQL();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsANSI92IntermediateSQL() throws SQLException {
    check();
    try {
      return target.supportsANSI92IntermediateSQL();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsANSI92FullSQL() throws SQLException {
    check();
    try {
      return target.supportsANSI92FullSQL();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsIntegrityEnhancementFacility() throws SQLException {
    check();
    try {
      return target.supportsIntegrityEnhancementFacility();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsOuterJoins() throws SQLException {
    check();
    try {
      return target.supportsOuterJoins();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsFullOuterJoins() throws SQLException {
    check();
    try {
      return target.supportsFullOuterJoins();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsLimitedOuterJoins() throws SQLException {
    check();
    try {
      return target.supportsLimitedOuterJoins();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public String getSchemaTerm() throws SQLException {
    check();
    try {
      return target.getSchemaTerm();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public String getProcedureTerm() throws SQLException {
    check();
    try {
      return target.getProcedureTerm();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public String getCatalogTerm() throws SQLException {
    check();
    try {
      return target.getCatalogTerm();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean isCatalogAtStart() throws SQLException {
    check();
    try {
      return target.isCatalogAtStart();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public String getCatalogSeparator() throws SQLException {
    check();
    try {
      return target.getCatalogSeparator();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsSchemasInDataManipulation() throws SQLException {
    check();
    try {
      return target.supportsSchemasInDataManipulation();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsSchemasInProcedureCalls() throws SQLException {
    check();
    try {
      return target.supportsSchemasInProcedureCalls();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsSchemasInTableDefinitions() throws SQLException {
    check();
    try {
      return target.supportsSchemasInTableDefinitions();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsSchemasInIndexDefinitions() throws SQLException {
    check();
    try {
      return target.supportsSchemasInIndexDefinitions();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsSchemasInPrivilegeDefinitions() throws SQLException {
    check();
    try {
      return target.supportsSchemasInPrivilegeDefinitions();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsCatalogsInDataManipulation() throws SQLException {
    check();
    try {
      return target.supportsCatalogsInDataManipulation();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsCatalogsInProcedureCalls() throws SQLException {
    check();
    try {
      return target.supportsCatalogsInProcedureCalls();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsCatalogsInTableDefinitions() throws SQLException {
    check();
    try {
      return target.supportsCatalogsInTableDefinitions();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsCatalogsInIndexDefinitions() throws SQLException {
    check();
    try {
      return target.supportsCatalogsInIndexDefinitions();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsCatalogsInPrivilegeDefinitions() throws SQLException {
    check();
    try {
      return target.supportsCatalogsInPrivilegeDefinitions();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsPositionedDelete() throws SQLException {
    check();
    try {
      return target.supportsPositionedDelete();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsPositionedUpdate() throws SQLException {
    check();
    try {
      return target.supportsPositionedUpdate();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsSelectForUpdate() throws SQLException {
    check();
    try {
      return target.supportsSelectForUpdate();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsStoredProcedures() throws SQLException {
    check();
    try {
      return target.supportsStoredProcedures();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsSubqueriesInComparisons() throws SQLException {
    check();
    try {
      return target.supportsSubqueriesInComparisons();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsSubqueriesInExists() throws SQLException {
    check();
    try {
      return target.supportsSubqueriesInExists();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsSubqueriesInIns() throws SQLException {
    check();
    try {
      return target.supportsSubqueriesInIns();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsSubqueriesInQuantifieds() throws SQLException {
    check();
    try {
      return target.supportsSubqueriesInQuantifieds();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsCorrelatedSubqueries() throws SQLException {
    check();
    try {
      return target.supportsCorrelatedSubqueries();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsUnion() throws SQLException {
    check();
    try {
      return target.supportsUnion();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsUnionAll() throws SQLException {
    check();
    try {
      return target.supportsUnionAll();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsOpenCursorsAcrossCommit() throws SQLException {
    check();
    try {
      return target.supportsOpenCursorsAcrossCommit();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsOpenCursorsAcrossRollback() throws SQLException {
    check();
    try {
      return target.supportsOpenCursorsAcrossRollback();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsOpenStatementsAcrossCommit() throws SQLException {
    check();
    try {
      return target.supportsOpenStatementsAcrossCommit();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsOpenStatementsAcrossRollback() throws SQLException {
    check();
    try {
      return target.supportsOpenStatementsAcrossRollback();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getMaxBinaryLiteralLength() throws SQLException {
    check();
    try {
      return target.getMaxBinaryLiteralLength();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getMaxCharLiteralLength() throws SQLException {
    check();
    try {
      return target.getMaxCharLiteralLength();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getMaxColumnNameLength() throws SQLException {
    check();
    try {
      return target.getMaxColumnNameLength();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getMaxColumnsInGroupBy() throws SQLException {
    check();
    try {
      return target.getMaxColumnsInGroupBy();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getMaxColumnsInIndex() throws SQLException {
    check();
    try {
      return target.getMaxColumnsInIndex();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getMaxColumnsInOrderBy() throws SQLException {
    check();
    try {
      return target.getMaxColumnsInOrderBy();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getMaxColumnsInSelect() throws SQLException {
    check();
    try {
      return target.getMaxColumnsInSelect();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getMaxColumnsInTable() throws SQLException {
    check();
    try {
      return target.getMaxColumnsInTable();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getMaxConnections() throws SQLException {
    check();
    try {
      return target.getMaxConnections();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getMaxCursorNameLength() throws SQLException {
    check();
    try {
      return target.getMaxCursorNameLength();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getMaxIndexLength() throws SQLException {
    check();
    try {
      return target.getMaxIndexLength();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getMaxSchemaNameLength() throws SQLException {
    check();
    try {
      return target.getMaxSchemaNameLength();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getMaxProcedureNameLength() throws SQLException {
    check();
    try {
      return target.getMaxProcedureNameLength();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getMaxCatalogNameLength() throws SQLException {
    check();
    try {
      return target.getMaxCatalogNameLength();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getMaxRowSize() throws SQLException {
    check();
    try {
      return target.getMaxRowSize();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean doesMaxRowSizeIncludeBlobs() throws SQLException {
    check();
    try {
      return target.doesMaxRowSizeIncludeBlobs();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getMaxStatementLength() throws SQLException {
    check();
    try {
      return target.getMaxStatementLength();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getMaxStatements() throws SQLException {
    check();
    try {
      return target.getMaxStatements();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getMaxTableNameLength() throws SQLException {
    check();
    try {
      return target.getMaxTableNameLength();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getMaxTablesInSelect() throws SQLException {
    check();
    try {
      return target.getMaxTablesInSelect();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getMaxUserNameLength() throws SQLException {
    check();
    try {
      return target.getMaxUserNameLength();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getDefaultTransactionIsolation() throws SQLException {
    check();
    try {
      return target.getDefaultTransactionIsolation();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsTransactions() throws SQLException {
    check();
    try {
      return target.supportsTransactions();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsTransactionIsolationLevel(int level) throws SQLException {
    check();
    try {
      return target.supportsTransactionIsolationLevel(level);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsDataDefinitionAndDataManipulationTransactions() throws SQLException {
    check();
    try {
      return target.supportsDataDefinitionAndDataManipulationTransactions();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsDataManipulationTransactionsOnly() throws SQLException {
    check();
    try {
      return target.supportsDataManipulationTransactionsOnly();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean dataDefinitionCausesTransactionCommit() throws SQLException {
    check();
    try {
      return target.dataDefinitionCausesTransactionCommit();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean dataDefinitionIgnoredInTransactions() throws SQLException {
    check();
    try {
      return target.dataDefinitionIgnoredInTransactions();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ResultSet getProcedures(String catalog, String schemaPattern,
      String procedureNamePattern) throws SQLException {
    check();
    try {
      return resultSet(target.getProcedures(catalog, schemaPattern, procedureNamePattern), null);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
      String columnNamePattern) throws SQLException {
    check();
    try {
      return resultSet(target.getProcedureColumns(catalog, schemaPattern, procedureNamePattern, columnNamePattern),
          null);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern,
      String[] types) throws SQLException {
    check();
    try {
      return resultSet(target.getTables(catalog, schemaPattern, tableNamePattern, types), null);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ResultSet getSchemas() throws SQLException {
    check();
    try {
      return resultSet(target.getSchemas(), null);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ResultSet getCatalogs() throws SQLException {
    check();
    try {
      return resultSet(target.getCatalogs(), null);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ResultSet getTableTypes() throws SQLException {
    check();
    try {
      return resultSet(target.getTableTypes(), null);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern,
      String columnNamePattern) throws SQLException {
    check();
    try {
      return resultSet(target.getColumns(catalog, schemaPattern, tableNamePattern, columnNamePattern), null);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ResultSet getColumnPrivileges(String catalog, String schema, String table,
      String columnNamePattern) throws SQLException {
    check();
    try {
      return resultSet(target.getColumnPrivileges(catalog, schema, table, columnNamePattern), null);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ResultSet getTablePrivileges(String catalog, String schemaPattern,
      String tableNamePattern) throws SQLException {
    check();
    try {
      return resultSet(target.getTablePrivileges(catalog, schemaPattern, tableNamePattern), null);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope,
      boolean nullable) throws SQLException {
    check();
    try {
      return resultSet(target.getBestRowIdentifier(catalog, schema, table, scope, nullable), null);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
    check();
    try {
      return resultSet(target.getVersionColumns(catalog, schema, table), null);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
    check();
    try {
      return resultSet(target.getPrimaryKeys(catalog, schema, table), null);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
    check();
    try {
      return resultSet(target.getImportedKeys(catalog, schema, table), null);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
    check();
    try {
      return resultSet(target.getExportedKeys(catalog, schema, table), null);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
      String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
    check();
    try {
      return resultSet(target.getCrossReference(parentCatalog, parentSchema, parentTable, foreignCatalog,
          foreignSchema, foreignTable), null);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ResultSet getTypeInfo() throws SQLException {
    check();
    try {
      return resultSet(target.getTypeInfo(), null);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique,
      boolean approximate) throws SQLException {
    check();
    try {
      return resultSet(target.getIndexInfo(catalog, schema, table, unique, approximate), null);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsResultSetType(int type) throws SQLException {
    check();
    try {
      return target.supportsResultSetType(type);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsResultSetConcurrency(int type, int concurrency) throws SQLException {
    check();
    try {
      return target.supportsResultSetConcurrency(type, concurrency);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean ownUpdatesAreVisible(int type) throws SQLException {
    check();
    try {
      return target.ownUpdatesAreVisible(type);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean ownDeletesAreVisible(int type) throws SQLException {
    check();
    try {
      return target.ownDeletesAreVisible(type);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean ownInsertsAreVisible(int type) throws SQLException {
    check();
    try {
      return target.ownInsertsAreVisible(type);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean othersUpdatesAreVisible(int type) throws SQLException {
    check();
    try {
      return target.othersUpdatesAreVisible(type);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean othersDeletesAreVisible(int type) throws SQLException {
    check();
    try {
      return target.othersDeletesAreVisible(type);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean othersInsertsAreVisible(int type) throws SQLException {
    check();
    try {
      return target.othersInsertsAreVisible(type);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean updatesAreDetected(int type) throws SQLException {
    check();
    try {
      return target.updatesAreDetected(type);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean deletesAreDetected(int type) throws SQLException {
    check();
    try {
      return target.deletesAreDetected(type);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean insertsAreDetected(int type) throws SQLException {
    check();
    try {
      return target.insertsAreDetected(type);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsBatchUpdates() throws SQLException {
    check();
    try {
      return target.supportsBatchUpdates();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern,
      int[] types) throws SQLException {
    check();
    try {
      return resultSet(target.getUDTs(catalog, schemaPattern, typeNamePattern, types), null);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsSavepoints() throws SQLException {
    check();
    try {
      return target.supportsSavepoints();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsNamedParameters() throws SQLException {
    check();
    try {
      return target.supportsNamedParameters();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsMultipleOpenResults() throws SQLException {
    check();
    try {
      return target.supportsMultipleOpenResults();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsGetGeneratedKeys() throws SQLException {
    check();
    try {
      return target.supportsGetGeneratedKeys();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) throws SQLException {
    check();
    try {
      return resultSet(target.getSuperTypes(catalog, schemaPattern, typeNamePattern), null);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern) throws SQLException {
    check();
    try {
      return resultSet(target.getSuperTables(catalog, schemaPattern, tableNamePattern), null);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern,
      String attributeNamePattern) throws SQLException {
    check();
    try {
      return resultSet(target.getAttributes(catalog, schemaPattern, typeNamePattern, attributeNamePattern), null);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsResultSetHoldability(int holdability) throws SQLException {
    check();
    try {
      return target.supportsResultSetHoldability(holdability);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    check();
    try {
      return target.getResultSetHoldability();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getDatabaseMajorVersion() throws SQLException {
    check();
    try {
      return target.getDatabaseMajorVersion();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getDatabaseMinorVersion() throws SQLException {
    check();
    try {
      return target.getDatabaseMinorVersion();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getJDBCMajorVersion() throws SQLException {
    check();
    try {
      return target.getJDBCMajorVersion();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getJDBCMinorVersion() throws SQLException {
    check();
    try {
      return target.getJDBCMinorVersion();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getSQLStateType() throws SQLException {
    check();
    try {
      return target.getSQLStateType();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean locatorsUpdateCopy() throws SQLException {
    check();
    try {
      return target.locatorsUpdateCopy();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsStatementPooling() throws SQLException {
    check();
    try {
      return target.supportsStatementPooling();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public RowIdLifetime getRowIdLifetime() throws SQLException {
    check();
    try {
      return target.getRowIdLifetime();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
    check();
    try {
      return resultSet(target.getSchemas(catalog, schemaPattern), null);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsStoredFunctionsUsingCallSyntax() throws SQLException {
    check();
    try {
      return target.supportsStoredFunctionsUsingCallSyntax();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean autoCommitFailureClosesAllResultSets() throws SQLException {
    check();
    try {
      return target.autoCommitFailureClosesAllResultSets();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ResultSet getClientInfoProperties() throws SQLException {
    check();
    try {
      return resultSet(target.getClientInfoProperties(), null);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern) throws SQLException {
    check();
    try {
      return resultSet(target.getFunctions(catalog, schemaPattern, functionNamePattern), null);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
      String columnNamePattern) throws SQLException {
    check();
    try {
      return resultSet(target.getFunctionColumns(catalog, schemaPattern, functionNamePattern, columnNamePattern), null);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern,
      String columnNamePattern) throws SQLException {
    check();
    try {
      return resultSet(target.getPseudoColumns(catalog, schemaPattern, tableNamePattern, columnNamePattern), null);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean generatedKeyAlwaysReturned() throws SQLException {
    check();
    try {
      return target.generatedKeyAlwaysReturned();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public long getMaxLogicalLobSize() throws SQLException {
    check();
    try {
      return target.getMaxLogicalLobSize();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsRefCursors() throws SQLException {
    check();
    try {
      return target.supportsRefCursors();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supportsSharding() throws SQLException {
    check();
    try {
      return target.supportsSharding();
    } catch (SQLException e) {
      throw failed(e);
    }
  }
}
