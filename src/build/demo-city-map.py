#!/usr/bin/env python3
"""Writes src/main/resources/geo/demo-city.geojson: made-up boundaries for the demo city's districts and streets
(src/main/resources/seed/areas.csv), for the supervisors' map (区域分布). A city ships its own boundaries instead
(hotline.hotspot.map-file). The districts are rectangles on a 6 x 4 grid near 120°E 30°N; a district's streets are
its quarters or strips of it, in the order areas.csv lists them."""
import csv
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
CELL = 0.05  # degrees per grid unit
# (west, south, east, north) in grid units
DISTRICTS = {
    "高新区": (0, 3, 2, 4),
    "城北区": (2, 3, 4, 4),
    "城西区": (0, 1, 2, 3),
    "城东区": (2, 1, 4, 3),
    "临江县": (4, 1, 6, 4),
    "城南区": (0, 0, 3, 1),
    "经开区": (3, 0, 6, 1),
}


def ring(west, south, east, north):
    corner = lambda x, y: [round(120 + x * CELL, 5), round(30 + y * CELL, 5)]
    return [[corner(west, south), corner(east, south), corner(east, north), corner(west, north),
             corner(west, south)]]


def cells(west, south, east, north, count):
    """The district cut into `count` streets: four as quarters, otherwise strips across its longer side."""
    if count == 4:
        mid_x, mid_y = (west + east) / 2, (south + north) / 2
        return [(west, mid_y, mid_x, north), (mid_x, mid_y, east, north), (west, south, mid_x, mid_y),
                (mid_x, south, east, mid_y)]
    if east - west >= north - south:
        width = (east - west) / count
        return [(west + i * width, south, west + (i + 1) * width, north) for i in range(count)]
    height = (north - south) / count
    return [(west, north - (i + 1) * height, east, north - i * height) for i in range(count)]


def main():
    streets = {}
    with open(ROOT / "src/main/resources/seed/areas.csv", encoding="utf-8") as areas:
        for row in csv.DictReader(areas):
            streets.setdefault(row["district"], []).append(row["street"])
    features = []
    for district, (west, south, east, north) in DISTRICTS.items():
        features.append({"type": "Feature", "properties": {"name": district, "level": "district"},
                         "geometry": {"type": "Polygon", "coordinates": ring(west, south, east, north)}})
        for street, cell in zip(streets[district], cells(west, south, east, north, len(streets[district]))):
            features.append({"type": "Feature",
                             "properties": {"name": street, "district": district, "level": "street"},
                             "geometry": {"type": "Polygon", "coordinates": ring(*cell)}})
    target = ROOT / "src/main/resources/geo/demo-city.geojson"
    target.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False) + "\n",
                      encoding="utf-8")


if __name__ == "__main__":
    main()
