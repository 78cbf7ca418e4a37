package dev.alloydb.jakarta.sample;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@code /api/items}: create, list, read and delete rows of {@code my_table}. Reads use the DataSource injected
 * with {@code @Resource}; writes go through {@link ItemWriter}'s transactions.
 */
@Path("items")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ItemsResource {

  @Resource(lookup = DataSources.JNDI_NAME)
  DataSource dataSource;

  @Inject
  ItemWriter writer;

  @Context
  UriInfo uriInfo;

  @GET
  public List<Item> list() {
    try (Connection connection = dataSource.getConnection()) {
      return ItemTable.list(connection);
    } catch (SQLException e) {
      throw new DataAccessException("list", e);
    }
  }

  @GET
  @Path("{id}")
  public Item get(@PathParam("id") String id) {
    try (Connection connection = dataSource.getConnection()) {
      return ItemTable.find(connection, id).orElseThrow(() -> unknown(id));
    } catch (SQLException e) {
      throw new DataAccessException("read", e);
    }
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(Item item) {
    Item valid = requireBody(item).requireValid();
    writer.insert(valid);
    return Response.created(uriInfo.getAbsolutePathBuilder().path(valid.id()).build()).entity(valid).build();
  }

  /**
   * Inserts a JSON array of items in one transaction: if any id is taken, the whole batch is rolled back and
   * none of its items is stored.
   */
  @POST
  @Path("batch")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createAll(List<Item> items) {
    if (items == null || items.isEmpty()) {
      throw new InvalidItemException("send a non-empty JSON array of items");
    }
    items.forEach(item -> requireBody(item).requireValid());
    writer.insertAll(items);
    return Response.status(Response.Status.CREATED).entity(items).build();
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id) {
    if (!writer.delete(id)) {
      throw unknown(id);
    }
    return Response.noContent().build();
  }

  private static Item requireBody(Item item) {
    if (item == null) {
      throw new InvalidItemException("send a JSON object such as {\"id\":\"book1\",\"title\":\"Book One\"}");
    }
    return item;
  }

  private static NotFoundException unknown(String id) {
    return new NotFoundException("no item with id '" + id + "'");
  }
}
