package org.jykka.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A behaviour test method that runs once per available runtime ({@link Runtimes}); the method takes
 * the {@link Runtimes} as its parameter. A class whose every test runs on each runtime extends
 * {@link EachRuntimeTestSupport} instead.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@MethodSource("org.jykka.testkit.Runtimes#available")
public @interface EachRuntime {}
