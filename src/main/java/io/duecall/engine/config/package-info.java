/**
 * The engine's configuration file: one record per section ({@code redis}, {@code ami}, {@code agi},
 * {@code scheduler}, {@code agents}, {@code campaigns}, {@code http}, {@code promises}, {@code pbxs}), each with its
 * {@code defaults()} and its checks, and {@link io.duecall.engine.config.EngineConfig} reading the file and joining
 * the sections into what the engine is wired from.
 */
package io.duecall.engine.config;
