package io.duecall.web.routes;

import static io.duecall.web.routes.Route.Access.OPERATIONS;

import io.duecall.web.ApiException;
import io.duecall.web.ImportProblems;
import io.duecall.web.ListUploads;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;

/** Account imports into a campaign and do-not-call lists, as CSV bodies: operations only. */
final class ListRoutes {
    private final ListUploads uploads;

    ListRoutes(ListUploads uploads) {
        this.uploads = uploads;
    }

    List<Route> routes() {
        return List.of(
                Route.post("/api/campaigns/{id}/accounts", OPERATIONS, this::importAccounts),
                Route.post("/api/do-not-call", OPERATIONS, this::doNotCall));
    }

    private ApiResponse importAccounts(ApiRequest r) {
        requireCsv(r, "account import");
        var id = r.parameter("id");
        var summary = uploads.accounts(id, r.query("region"), r.body());
        var answer = new LinkedHashMap<String, Object>();
        answer.put("campaign", id);
        answer.put("imported", summary.imported());
        answer.put("undialableNumbers", summary.undialableNumbers());
        answer.put("undialable", new TreeMap<>(summary.undialable()));
        answer.put("warnings", summary.examples().stream().map(ImportProblems::warning).toList());
        return ApiResponse.ok(answer);
    }

    private ApiResponse doNotCall(ApiRequest r) {
        requireCsv(r, "a do-not-call list");
        var reason = r.query("reason") == null ? "dnc" : r.query("reason");
        var result = uploads.doNotCall(reason, r.query("region"), r.body());
        var answer = new LinkedHashMap<String, Object>();
        answer.put("reason", reason);
        answer.put("listed", result.listed());
        answer.put("alreadyListed", result.alreadyListed());
        return ApiResponse.ok(answer);
    }

    private static void requireCsv(ApiRequest r, String what) {
        if (r.contentType() == null || !r.contentType().startsWith("text/csv")) {
            throw new ApiException(415, what + " needs Content-Type text/csv (got " + r.contentType() + ")");
        }
    }
}
