// 部门考核: draws the shown group's scores with Apache ECharts from the figures embedded in the page.
import * as echarts from 'echarts';
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('scorecard-data').textContent);
  const chart = echarts.init(document.getElementById('chart-scores'));
  chart.setOption({
    animation: false,
    tooltip: {},
    grid: { top: 8, left: 120, right: 24, bottom: 24 },
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: { type: 'category', inverse: true, data: data.departments },
    series: [{ type: 'bar', data: data.scores, label: { show: true, position: 'right' } }]
  });
  window.addEventListener('resize', () => chart.resize());
  document.body.dataset.chartsDrawn = 'true';
})();
