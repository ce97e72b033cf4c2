export function App() {
  return <main><h1>Momentum Playground</h1></main>;
}
