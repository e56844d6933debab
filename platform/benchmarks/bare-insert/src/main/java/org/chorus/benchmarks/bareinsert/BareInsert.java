package org.chorus.benchmarks.bareinsert;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Table;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.Timestamp;

/**
 * The baseline of the action POST benchmark: a form post, one container transaction, one persisted row on
 * PostgreSQL, a 303 like the platform's. Everything the platform adds (lookup, supporter upsert, action record,
 * outbox rows, idempotency) is what the comparison measures.
 */
@DataSourceDefinition(name = "java:app/jdbc/bareInsert", className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=bare.insert.db.url}", user = "postgres", password = "", minPoolSize = 8, maxPoolSize = 32)
@ApplicationPath("/")
public class BareInsert extends Application {

    @Entity
    @Table(name = "bare_action")
    public static class BareAction {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String email;
        String firstName;
        String body;
        Timestamp createdAt;
    }

    @Path("insert")
    @ApplicationScoped
    public static class InsertResource {

        @PersistenceContext(unitName = "bare")
        EntityManager em;

        @POST
        @Transactional
        @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
        public Response insert(@FormParam("email") String email, @FormParam("first_name") String firstName,
                               @FormParam("body") String body) {
            BareAction a = new BareAction();
            a.email = email;
            a.firstName = firstName;
            a.body = body;
            a.createdAt = new Timestamp(System.currentTimeMillis());
            em.persist(a);
            return Response.seeOther(URI.create("/thanks")).build();
        }
    }
}
