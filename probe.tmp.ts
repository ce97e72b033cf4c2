import { computeContours } from './src/core/contours';
for (let i = 0; i < 60; i++) computeContours({ kind: 'contours', objective: '0.1*x1^2 + 2*x2^2', x1Range: [-5.5, 1], x2Range: [-3, 3], levels: 13, resolution: 200 });
