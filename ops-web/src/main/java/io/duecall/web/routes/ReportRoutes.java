package io.duecall.web.routes;

import static io.duecall.web.routes.Route.Access.OPERATIONS;

import io.duecall.app.RecordPayments;
import io.duecall.web.Json;
import io.duecall.web.OpsService;
import io.duecall.web.PaymentEntries;
import io.duecall.web.ReportQueries;
import io.duecall.web.live.LiveFigures;
import java.util.LinkedHashMap;
import java.util.List;

/** Figures, exports, the payment feed and the reports (JSON and CSV): operations only. */
final class ReportRoutes {
    private final OpsService service;
    private final LiveFigures figures;
    private final ReportQueries reports;

    /** The body of {@code POST /api/payments}. */
    record PaymentFeed(List<PaymentEntries.Entry> payments) {}

    ReportRoutes(OpsService service, LiveFigures figures, ReportQueries reports) {
        this.service = service;
        this.figures = figures;
        this.reports = reports;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/figures", OPERATIONS, r -> ApiResponse.ok(figures.snapshot())),
                Route.get("/api/ledger.csv", OPERATIONS, r -> ApiResponse.csv(service.ledgerCsv())),
                Route.get("/api/promises.csv", OPERATIONS, r -> ApiResponse.csv(service.promisesCsv())),
                Route.post("/api/payments", OPERATIONS, r -> ApiResponse.ok(
                        result(service.payments(Json.read(r.body(), PaymentFeed.class).payments())))),
                Route.get("/api/reports/campaigns", OPERATIONS, r -> ApiResponse.ok(
                        reports.campaigns(r.query("from"), r.query("to")))),
                Route.get("/api/reports/campaigns.csv", OPERATIONS, r -> ApiResponse.csv(
                        reports.campaignsCsv(r.query("from"), r.query("to")))),
                Route.get("/api/reports/contact-hours", OPERATIONS, r -> ApiResponse.ok(
                        reports.contactHours(r.query("campaign"), r.query("from"), r.query("to")))),
                Route.get("/api/reports/contact-hours.csv", OPERATIONS, r -> ApiResponse.csv(
                        reports.contactHoursCsv(r.query("campaign"), r.query("from"), r.query("to")))),
                Route.get("/api/reports/agents", OPERATIONS, r -> ApiResponse.ok(reports.agents(r.query("day")))),
                Route.get("/api/reports/agents.csv", OPERATIONS, r -> ApiResponse.csv(
                        reports.agentsCsv(r.query("day")))));
    }

    private static LinkedHashMap<String, Object> result(RecordPayments.Result result) {
        var answer = new LinkedHashMap<String, Object>();
        answer.put("recorded", result.recorded());
        answer.put("alreadyRecorded", result.alreadyRecorded());
        answer.put("kept", result.kept());
        answer.put("partlyKept", result.partlyKept());
        answer.put("paidInFull", result.paidInFull().stream().map(id -> id.value()).toList());
        return answer;
    }
}
