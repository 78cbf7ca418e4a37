package dev.alloydb.jakarta.sample;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/** Makes the AlloyDB DataSource available to CDI beans through {@code @Inject DataSource}. */
@ApplicationScoped
public class DataSourceProducer {

  @Produces
  @Resource(lookup = DataSources.JNDI_NAME)
  private DataSource dataSource;
}
