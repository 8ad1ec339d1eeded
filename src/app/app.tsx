export function App() {
  return (
    <main>
      <h1>Perch</h1>
    </main>
  );
}
