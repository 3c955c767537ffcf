package io.duecall.web;

import io.duecall.app.AgentDesk;
import io.duecall.app.AgentPool;
import io.duecall.app.DialerEngine;
import io.duecall.app.PromiseBook;
import io.duecall.app.RecordPayments;
import io.duecall.app.report.Reports;
import io.duecall.port.AccountStore;
import io.duecall.port.PromiseStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;

/**
 * What the operations server needs from the running engine. {@code registry} is shared with the meters the engine's
 * adapters feed ({@link TelephonyMeters}); {@code payments} records what {@code POST /api/payments} receives, and is
 * null on a server that records none (503); {@code reports} answers {@code /api/reports/...}; {@code book} is the
 * promise book ({@code /api/promises}).
 */
public record OpsParts(Clock clock, DialerEngine dialer, AgentPool agents, AgentDesk desk, AccountStore accounts,
        PromiseStore promises, CampaignControl control, AccountImports imports, CsvExports exports,
        HealthProbe health, CampaignEditor campaigns, PrometheusMeterRegistry registry, RecordPayments payments,
        Reports reports, PromiseBook book) {}
