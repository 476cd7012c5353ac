// Demo village: a synthetic Bạch Đằng-like river island.
export {
  DATA_NOTICE,
  DEMO_VILLAGE_ID,
  type DemoVillageOptions,
  generateDemoVillage,
} from './dataset/generate-village.ts';
export { distanceKm, islandOutline, isOnIsland } from './dataset/island.ts';
export { estimateFixedPeakKw, estimateUnmanagedEveningPeakKw } from './dataset/transformer.ts';
// Device behaviour models: pure, seeded, driven by simulated time.
export {
  type BinReading,
  type BinSimulator,
  type BinSimulatorOptions,
  type BinState,
  type CollectionResult,
  createBinSimulator,
} from './devices/bin-fill-model.ts';
export {
  createMeterSimulator,
  type MeterReading,
  type MeterSimulator,
  type MeterSimulatorOptions,
  type MeterState,
} from './devices/meter-load-model.ts';
export { solarOutputKw } from './devices/solar.ts';
// Energy scheduling scenarios: tomorrow's flexible loads, tariffs and transformer limit.
export { generateLoadScenario, type LoadScenarioOptions } from './energy/generate-load-scenario.ts';
export { SCENARIO_DAY } from './energy/horizon.ts';
export { EVN_PRICES, importPrices, TOU_PERIODS } from './energy/tariffs.ts';
export { type ValleyFillPlan, valleyFillPlan } from './energy/valley-fill.ts';
// Runner: publishes telemetry to MQTT as each device.
export { type ConnectionPool, createConnectionPool } from './runner/connection-pool.ts';
export {
  connectMqttClient,
  type DeviceAuth,
  type PublishClient,
  type PublishClientFactory,
} from './runner/publish-client.ts';
export {
  runSimulator,
  type SimulatorCounters,
  type SimulatorHandle,
  type SimulatorOptions,
  type SimulatorProgress,
} from './runner/simulator.ts';
export { listDevices, type SimulatedDevice } from './runner/telemetry-messages.ts';
