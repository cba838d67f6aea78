/**
 * A fake EHR for the tests and the benchmark: a real FHIR R4 server (HAPI RestfulServer in embedded Tomcat on
 * 127.0.0.1, random port) serving third-party fixture patients, with SMART Backend Services auth, faults a
 * test scripts per resource type, and a log of every request. Start one with {@link
 * dev.recourse.ehr.fake.FakeEhr#builder()}.
 */
package dev.recourse.ehr.fake;
