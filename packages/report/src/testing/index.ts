// A finished run with candidates in every state, for the tests of the report's readers (API, CLI, browser).
export { createReportFixture, type ReportFixture } from '../fixtures/report-fixture.js';
