# Draws the app icon (a path of three milestones on the accent colour) as PNG, no libraries.
import struct, zlib, sys
def png(size, path):
    accent=(0x1f,0x5f,0xa8); white=(255,255,255); gold=(0xf2,0xa9,0x00)
    s=size
    pts=[(0.25,0.72),(0.5,0.42),(0.75,0.62)]
    def dist_seg(px,py,a,b):
        ax,ay=a; bx,by=b; dx,dy=bx-ax,by-ay
        t=max(0,min(1,((px-ax)*dx+(py-ay)*dy)/(dx*dx+dy*dy)))
        cx,cy=ax+t*dx,ay+t*dy
        return ((px-cx)**2+(py-cy)**2)**0.5
    rows=[]
    for y in range(s):
        row=bytearray([0])
        for x in range(s):
            px,py=(x+0.5)/s,(y+0.5)/s
            c=accent
            if min(dist_seg(px,py,pts[0],pts[1]),dist_seg(px,py,pts[1],pts[2]))<0.035: c=white
            for i,(cx,cy) in enumerate(pts):
                d=((px-cx)**2+(py-cy)**2)**0.5
                if d<0.09: c=gold if i==2 else white
                if d<0.045 and i!=2: c=accent
            row+=bytes(c)
        rows.append(bytes(row))
    raw=b''.join(rows)
    def chunk(t,d): return struct.pack('>I',len(d))+t+d+struct.pack('>I',zlib.crc32(t+d)&0xffffffff)
    data=b'\x89PNG\r\n\x1a\n'+chunk(b'IHDR',struct.pack('>IIBBBBB',s,s,8,2,0,0,0))+chunk(b'IDAT',zlib.compress(raw,9))+chunk(b'IEND',b'')
    open(path,'wb').write(data)
for n in (192,512): png(n, f'assets/icons/icon-{n}.png')  # run from the repository root
