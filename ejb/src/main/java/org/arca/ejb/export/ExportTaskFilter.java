package org.arca.ejb.export;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The filters of GET /monitor/export, turned into one JPQL query. Unset fields do not filter.
 */
public final class ExportTaskFilter {

    public ExportTaskStatus status;
    public String exporterId;
    public String queueName;
    public String studyInstanceUid;
    public Instant createdFrom;
    public Instant createdTo;
    public Instant updatedFrom;
    public Instant updatedTo;

    public List<ExportTask> list(EntityManager em, int offset, int limit) {
        TypedQuery<ExportTask> q = query(em, "SELECT t FROM ExportTask t", " ORDER BY t.pk DESC", ExportTask.class);
        return q.setFirstResult(Math.max(0, offset)).setMaxResults(limit > 0 ? limit : Integer.MAX_VALUE)
                .getResultList();
    }

    public long count(EntityManager em) {
        return query(em, "SELECT COUNT(t) FROM ExportTask t", "", Long.class).getSingleResult();
    }

    /** [queue name, status, count] for each queue and status with tasks, in one query. */
    public List<Object[]> countByQueueAndStatus(EntityManager em) {
        return query(em, "SELECT t.queueName, t.status, COUNT(t) FROM ExportTask t",
                " GROUP BY t.queueName, t.status ORDER BY t.queueName", Object[].class).getResultList();
    }

    private <T> TypedQuery<T> query(EntityManager em, String select, String order, Class<T> type) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        add(where, params, "t.status = ?", status);
        add(where, params, "t.exporterId = ?", exporterId);
        add(where, params, "t.queueName = ?", queueName);
        add(where, params, "t.studyInstanceUid = ?", studyInstanceUid);
        add(where, params, "t.createdTime >= ?", createdFrom);
        add(where, params, "t.createdTime < ?", createdTo);
        add(where, params, "t.updatedTime >= ?", updatedFrom);
        add(where, params, "t.updatedTime < ?", updatedTo);
        StringBuilder jpql = new StringBuilder(select);
        for (int i = 0; i < where.size(); i++) {
            // positional parameters are numbered in JPQL: ?1, ?2, ...
            jpql.append(i == 0 ? " WHERE " : " AND ").append(where.get(i)).append(i + 1);
        }
        TypedQuery<T> q = em.createQuery(jpql.append(order).toString(), type);
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        return q;
    }

    private static void add(List<String> where, List<Object> params, String clause, Object value) {
        if (value != null) {
            where.add(clause);
            params.add(value);
        }
    }
}
